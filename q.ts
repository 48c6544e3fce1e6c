import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(process.argv[2]);
console.log((await db.query("select 1 as x")).rows);
setTimeout(() => { console.log(process.getActiveResourcesInfo()); process.exit(0); }, 2000).unref();
