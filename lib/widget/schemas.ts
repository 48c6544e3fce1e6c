import { z } from "zod";
import { BANNER_TEXTS, WIDGET_VARIANTS } from "./banner";

const variantIds = WIDGET_VARIANTS.map((v) => v.id);
const texts = BANNER_TEXTS.map((b) => b.text);

export const ZGenerateWidget = z.object({
  cabinetId: z.string().min(1).max(100),
  variant: z.coerce
    .number({ error: "Выберите вариант оформления виджета." })
    .refine((v) => variantIds.includes(v), "Выберите вариант оформления виджета."),
  bannerText: z.string({ error: "Выберите текст баннера." }).refine((t) => texts.includes(t), "Выберите текст баннера из списка."),
});
export type TGenerateWidgetInput = z.input<typeof ZGenerateWidget>;

export const ZRunSiteCheck = z.object({ cabinetId: z.string().min(1).max(100) });
