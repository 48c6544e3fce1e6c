import { z } from "zod";

/** «Данные актуальны»: the administrator checked the cabinet's data and confirms it. */
export const ZConfirmCabinetData = z.object({
  cabinetId: z.string({ error: "Не указан кабинет." }).min(1, "Не указан кабинет.").max(100),
  confirmed: z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { error: "Поставьте отметку «Данные актуальны»." })),
});
export type TConfirmCabinetData = z.input<typeof ZConfirmCabinetData>;
