import { Facts, type TFactValue } from "@/components/ui/Facts";

export interface TEsiaOrganization {
  esiaOid: string;
  fullName: string;
  shortName: string;
  ogrn: string;
  inn: string | null;
  kpp: string | null;
  email: string | null;
  phone: string | null;
  municipality: { name: string; oktmo: string } | null;
  parent: { shortName: string } | null;
}

/** An organization as ЕСИА describes it (the cabinet's card, a request's card); `extra` rows follow the names. */
export function EsiaOrganizationFacts({ organization: o, extra = [] }: { organization: TEsiaOrganization; extra?: Array<[string, TFactValue]> }) {
  return (
    <Facts
      rows={[
        ["Полное наименование", o.fullName],
        ["Краткое наименование", o.shortName],
        ["ОГРН", o.ogrn],
        ["ИНН", o.inn],
        ["КПП", o.kpp],
        ...extra,
        ["Муниципальное образование", o.municipality ? `${o.municipality.name} (ОКТМО ${o.municipality.oktmo})` : null],
        ["Орган, в ведении которого находится", o.parent?.shortName],
        ["Электронная почта", o.email],
        ["Телефон", o.phone],
        ["Идентификатор в ЕСИА", o.esiaOid],
      ]}
    />
  );
}
