// Pages and exports of the monitoring section: signed in, and an IT specialist (or the region's
// operator). Anyone else gets «не найдено», as for a cabinet they cannot see (decision 005).
import "server-only";
import { notFound } from "next/navigation";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { requireTrainingDone } from "@/lib/accounts/training";
import { getPortalSession, requirePortalSession, type PortalSession } from "@/lib/auth/session";
import { monitoringScopeOf, monitorsAnything, type TMonitoringScope } from "./scope";

export async function requireMonitoring(next = "/monitoring"): Promise<{ session: PortalSession; scope: TMonitoringScope }> {
  const session = await requirePortalSession();
  const actor = await loadActor(session.person.id);
  // Not yet ticked «Мною пройдено обучение»: to /training, as from the cabinet pages (decision 007).
  requireTrainingDone(actor, next);
  const scope = monitoringRoots(actor);
  if (!monitorsAnything(scope)) notFound();
  return { session, scope };
}

/** For route handlers: the scope, or null when the request may not read the monitoring data. */
export async function monitoringScopeOfRequest(): Promise<TMonitoringScope | null> {
  const session = await getPortalSession();
  if (!session) return null;
  const scope = await monitoringScopeOf(session.person.id);
  return monitorsAnything(scope) ? scope : null;
}
