/** How long an invitation link lives; the email names the exact moment it expires. */
export const INVITATION_TTL_DAYS = 7;
export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;

/** The methodical materials of ПОС (from the city's instruction). */
export const METHODICAL_MATERIALS_URL = "https://pos.gosuslugi.ru/docs/";
