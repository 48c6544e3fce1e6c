// Whose institutions a person may monitor: the trees of the organs where they are an IT specialist
// (CONNECTION_MONITOR), the whole region for the region's operator (lib/access/policies.ts).
import "server-only";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";

export interface TMonitoringScope {
  organizationIds: string[];
  regionIds: string[];
}

export async function monitoringScopeOf(personId: string): Promise<TMonitoringScope> {
  return monitoringRoots(await loadActor(personId));
}

export function monitorsAnything(scope: TMonitoringScope): boolean {
  return scope.organizationIds.length + scope.regionIds.length > 0;
}
