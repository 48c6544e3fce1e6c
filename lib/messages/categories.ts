// Topics a citizen picks in the widget's form. Codes are stored; the words are shown.
export const MESSAGE_CATEGORIES = [
  { code: "improvement", label: "Благоустройство, ремонт и содержание здания" },
  { code: "organization", label: "Организация работы учреждения" },
  { code: "quality", label: "Качество услуг" },
  { code: "food", label: "Питание" },
  { code: "safety", label: "Безопасность" },
  { code: "accessibility", label: "Доступная среда" },
  { code: "proposal", label: "Предложение по улучшению работы" },
  { code: "other", label: "Другое" },
] as const;

export type TMessageCategory = (typeof MESSAGE_CATEGORIES)[number]["code"];

export const categoryLabel = (code: string) => MESSAGE_CATEGORIES.find((c) => c.code === code)?.label ?? code;
