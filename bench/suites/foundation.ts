import { measureOk, ratio, report, sizes, tsNode, type Row, type Suite } from '../harness';

/**
 * The cost of the service layer: measurements entered one call at a time through the
 * contract (zod validation, verdict arithmetic, audit trail, a transaction per call, as the
 * UI's grid edits do) against raw prepared inserts in one transaction, the SQLite floor.
 */
const suite: Suite = {
  name: 'foundation',
  description: 'measurements written through the contract vs raw SQLite inserts',
  async run() {
    const rows: Row[] = [];
    for (const n of sizes([10_000, 50_000])) {
      const floor = await measureOk('raw', tsNode('insert-measurements.ts', 'raw', String(n)));
      const service = await measureOk('service', tsNode('insert-measurements.ts', 'service', String(n)));
      rows.push({
        case: 'raw prepared inserts, one transaction',
        size: n,
        seconds: floor.seconds,
        peakRssMb: floor.peakRssMb,
      });
      rows.push({
        case: 'contract calls (measurements:upsert)',
        size: n,
        seconds: service.seconds,
        peakRssMb: service.peakRssMb,
        note: `${ratio(floor.seconds, service.seconds)} the floor's time`,
      });
    }
    report('Writing measurements', rows);
  },
};
export default suite;
