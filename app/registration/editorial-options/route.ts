// «Редакция» choices when the person picks another region in the request form.
import { NextResponse, type NextRequest } from "next/server";
import { getPortalSession } from "@/lib/auth/session";
import { editorialOptions } from "@/lib/requests/filing";

export async function GET(request: NextRequest) {
  if (!(await getPortalSession())) return NextResponse.json({ error: "Войдите через Госуслуги." }, { status: 401 });
  const regionId = request.nextUrl.searchParams.get("regionId") ?? "";
  if (!regionId || regionId.length > 64) return NextResponse.json([]);
  return NextResponse.json(await editorialOptions(regionId), { headers: { "cache-control": "private, no-store" } });
}
