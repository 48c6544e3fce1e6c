// `tsx tests/e2e/support/drop-table.ts <PGlite folder> <table>`: breaks a stopped server's database
// on purpose (./plain-server.ts), through the folder's lock like any other owner.
import { openPglite } from "../../../lib/db/adapter";

const [dir, table] = process.argv.slice(2);
const pg = openPglite(dir);
await pg.exec(`DROP TABLE "${table.replace(/"/g, "")}" CASCADE`);
await pg.close();
