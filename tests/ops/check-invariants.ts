import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { type ChannelRecord, checkInvariants, miraklRecord, type RunSql } from './invariants.js';

export { type ChannelRecord, checkInvariants, drizzleRunner, miraklRecord } from './invariants.js';

const usage = `npm run check:invariants -- --database-url postgres://… [--mirakl-url http://127.0.0.1:4010]
       [--mirakl-channel chn_…] [--allow-pending-pushes]

Checks a shipdesk database: orders neither lost nor doubled, on-hand equal to the sum of the stock
ledger, reserved equal to the live reservations, no reservation orphaned, every shipped parcel
confirmed at its channel. With --mirakl-url it also reads a Mirakl simulator's log (/_sim/received) and
checks each shipped parcel was confirmed there exactly once and every order it offered was taken.
Exits 0 when every invariant holds, 1 otherwise.`;

async function main() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'mirakl-url': { type: 'string' },
      'mirakl-channel': { type: 'string' },
      'allow-pending-pushes': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (values.help || !url) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const run: RunSql = async (text) => [...(await client.unsafe(text))] as Record<string, unknown>[];
  try {
    const channels: ChannelRecord[] = [];
    if (values['mirakl-url']) {
      const log = (await (await fetch(`${values['mirakl-url']}/_sim/received`)).json()) as Parameters<
        typeof miraklRecord
      >[1];
      const channelId =
        values['mirakl-channel'] ??
        String(
          (await run(`select id from channels where type = 'mirakl' order by created_at limit 1`))[0]?.id,
        );
      channels.push(miraklRecord(channelId, log));
    }
    const report = await checkInvariants(run, {
      channels,
      allowPendingPushes: values['allow-pending-pushes'],
    });
    console.log(
      `orders ${report.counts.orders}, shipped shipments ${report.counts.shippedShipments}, ` +
        `stock movements ${report.counts.movements}, live reservations ${report.counts.activeReservations}`,
    );
    for (const v of report.violations) console.log(`VIOLATION ${v}`);
    console.log(report.ok ? 'every invariant holds' : `${report.violations.length} violation(s)`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await client.end({ timeout: 5 });
  }
}

// Runs as a script; imported by tests for the exports above only.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
