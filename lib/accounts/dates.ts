// Dates as people in the region read them. The portal serves one region: its time zone is set
// once (PORTAL_TIME_ZONE, Челябинская область by default) so that server and emails agree.
const zone = () => process.env.PORTAL_TIME_ZONE || "Asia/Yekaterinburg";

export function formatDate(d: Date): string {
  return d.toLocaleDateString("ru-RU", { timeZone: zone(), day: "2-digit", month: "2-digit", year: "numeric" });
}

export function formatDateTime(d: Date): string {
  return d.toLocaleString("ru-RU", { timeZone: zone(), day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
}
