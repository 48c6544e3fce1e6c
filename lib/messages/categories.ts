// Topics a citizen picks in the widget's form, and the subcategories a coordinator adds. Codes are
// stored; the words are shown.
export const MESSAGE_CATEGORIES = [
  { code: "improvement", label: "Благоустройство, ремонт и содержание здания", subcategories: ["Ремонт помещений", "Территория и двор", "Отопление, вода, свет", "Уборка"] },
  { code: "organization", label: "Организация работы учреждения", subcategories: ["Режим работы", "Запись и очередь", "Сотрудники", "Документы и справки"] },
  { code: "quality", label: "Качество услуг", subcategories: ["Образовательный процесс", "Медицинская помощь", "Культурные мероприятия", "Спортивные занятия"] },
  { code: "food", label: "Питание", subcategories: ["Качество блюд", "Меню", "Оплата питания"] },
  { code: "safety", label: "Безопасность", subcategories: ["Ограждение и охрана", "Пожарная безопасность", "Дорога к учреждению"] },
  { code: "accessibility", label: "Доступная среда", subcategories: ["Пандусы и входы", "Информация для людей с инвалидностью"] },
  { code: "proposal", label: "Предложение по улучшению работы", subcategories: ["Новые услуги", "Мероприятия", "Сайт и онлайн-сервисы"] },
  { code: "other", label: "Другое", subcategories: ["Иное"] },
] as const;

export type TMessageCategory = (typeof MESSAGE_CATEGORIES)[number]["code"];
export const CATEGORY_CODES = MESSAGE_CATEGORIES.map((c) => c.code) as [TMessageCategory, ...TMessageCategory[]];

export const categoryLabel = (code: string) => MESSAGE_CATEGORIES.find((c) => c.code === code)?.label ?? code;

export const subcategoriesOf = (code: string): readonly string[] => MESSAGE_CATEGORIES.find((c) => c.code === code)?.subcategories ?? [];
