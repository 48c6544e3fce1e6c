// Who is looking at «Администрирование ЛКО», for the page's introduction: the region's operator, an
// organ's administrator or curator, an institution's own administrator, or someone with another role.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { grants } from "@/lib/access/policies";
import { CABINET_TABS, NAV } from "@/lib/ui/strings";

export type TAdminAudience = "operator" | "organAdmin" | "organCurator" | "institutionAdmin" | "member";

/** The widest role the person holds in an active account (one person may hold several). */
export function adminAudience(actor: Actor): TAdminAudience {
  const roles = grants(actor, "cabinet.view");
  if (roles.some((g) => g.role.role === "REGION_OPERATOR")) return "operator";
  if (roles.some((g) => g.role.role === "LKO_ADMIN" && g.account.cabinetKind === "EDITORIAL")) return "organAdmin";
  if (roles.some((g) => g.role.role === "CURATOR" && g.account.cabinetKind === "EDITORIAL")) return "organCurator";
  if (roles.some((g) => g.role.role === "LKO_ADMIN")) return "institutionAdmin";
  return "member";
}

/** The introduction of «Администрирование ЛКО», in the person's own terms. */
export const ADMIN_INTRO: Record<TAdminAudience, string> = {
  operator:
    `Кабинеты органов и учреждений вашего региона. Откройте кабинет, чтобы посмотреть его данные, учётные записи и готовность к работе; ` +
    `заявки на кабинеты редакции — в разделе «${NAV.requests}».`,
  organAdmin:
    `Кабинеты, которыми вы управляете: кабинет вашего органа и рабочие кабинеты подведомственных учреждений. Проверьте данные и ` +
    `актуальность каждого ЛКО, затем откройте «${CABINET_TABS.accounts}» и добавьте пользователей.`,
  organCurator:
    `Кабинет вашего органа и рабочие кабинеты подведомственных учреждений по сферам, которые вы курируете. Проверьте данные и ` +
    `актуальность каждого из них.`,
  institutionAdmin:
    `Кабинет вашего учреждения. Проверьте его данные и подтвердите их актуальность, затем откройте «${CABINET_TABS.accounts}» и добавьте ` +
    `пользователей, а во вкладке «${CABINET_TABS.functioning}» проставьте точки готовности и разместите виджет на сайте.`,
  member: "Кабинеты, в которых у вас есть учётная запись. Что вы можете делать в каждом из них, зависит от ваших ролей.",
};
