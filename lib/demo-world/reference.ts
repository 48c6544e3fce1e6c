// Reference data of the demo world, for the seed and the ЕСИА emulator: access groups and spheres.
// The portal itself reads them from the database (and the filing group's mnemonic from its configuration).
import { DEFAULT_FILING_ACCESS_GROUP } from "../access/filing";

/** The ЕСИА access group that allows filing a cabinet request (by mnemonic), as the demo ЕСИА names it. */
export const GOSPUBLIC_CABINET_GROUP = DEFAULT_FILING_ACCESS_GROUP;

export const ACCESS_GROUPS = [
  { mnemonic: GOSPUBLIC_CABINET_GROUP, name: "ПОС. Госпаблики. Кабинет учреждения" },
  { mnemonic: "POS_ADMIN", name: "ПОС. Администрирование" },
  { mnemonic: "EPGU_ORG_DOCS", name: "ЕПГУ. Документы организации" },
] as const;

export const SPHERES = [
  { code: "education", name: "Образование" },
  { code: "preschool", name: "Дошкольное образование" },
  { code: "culture", name: "Культура" },
  { code: "social", name: "Социальная защита" },
  { code: "sport", name: "Физическая культура и спорт" },
  { code: "housing", name: "Жилищно-коммунальное хозяйство" },
  { code: "health", name: "Здравоохранение" },
  { code: "transport", name: "Транспорт и дороги" },
  { code: "improvement", name: "Благоустройство" },
  { code: "digital", name: "Цифровое развитие и связь" },
] as const;

export type SphereCode = (typeof SPHERES)[number]["code"];

export const sphereId = (code: string) => `sphere-${code}`;
export const accessGroupId = (mnemonic: string) => `group-${mnemonic.toLowerCase()}`;
