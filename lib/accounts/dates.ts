// Kept for the modules that import dates from here; the formatting lives in lib/ui/format.ts.
export { formatDate, formatDateTime } from "@/lib/ui/format";
