// `npm run gen -- --members 500000 --seed 1 --out DIR`: signs a city up on the embedded
// default under DIR (control.db, tenants/<id>.db) and writes its roll (tests/gen/city.ts).
// The same seed gives the same rows. Prints the time taken and the peak heap.
import { parseArgs } from "node:util";
import { migrations } from "../../schema/migrations";
import { provisionTenant } from "../../worker/data/tenants";
import { localPlatform } from "../../worker/db/local";
import { migrate } from "../../worker/db/migrate";
import { writeCity } from "./city";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "500000" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "gen-out" },
    slug: { type: "string", default: "ha-noi" },
    committees: { type: "string" },
  },
});

const started = performance.now();
const platform = localPlatform({ dataDir: values.out });
await migrate(platform.control().client, migrations.control);
const { tenant, rootUnitId } = await provisionTenant(platform, {
  tenant: { slug: values.slug, name: "Đảng bộ Thành phố", kind: "thanh-uy" },
  admin: {
    email: `admin@${values.slug}.vn`,
    password: "mat-khau-du-dai",
    fullName: "Quản Trị Viên",
  },
});
const { client } = platform.tenant(tenant);
const report = await writeCity(
  client,
  { id: rootUnitId, path: `/${rootUnitId}/` },
  {
    members: Number(values.members),
    seed: Number(values.seed),
    committees: values.committees === undefined ? undefined : Number(values.committees),
  },
);
platform.close();
const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(
  `${values.slug}: ${report.members} members, ${report.cells} cells, ${report.committees} committees, ` +
    `${report.nfdNames} names typed NFD, ${report.duplicates} exact duplicates → ${values.out}/tenants/${tenant.id}.db`,
);
console.log(
  `time ${((performance.now() - started) / 1000).toFixed(1)} s, peak heap ${mib(report.peakHeapBytes)} MiB`,
);
