import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../../db/client.js';
import { escapeLabel } from '../../metrics/registry.js';

/**
 * Figures that live in the database: job queue depths and failures (pg-boss), orders by status, tracking
 * pushes waiting per channel, and how long confirmed pushes took over the last hour.
 */
export async function collectDatabaseMetrics(db: Database): Promise<string> {
  const lines: string[] = [];
  const jobs = rowsOf<{ name: string; state: string; n: number }>(
    await db.execute(
      sql`select name, state::text as state, count(*)::int as n from pgboss.job group by name, state`,
    ),
  );
  lines.push(
    '# HELP shipdesk_jobs Jobs in the queue, by queue and state (failed = gave up or waiting for retry).',
    '# TYPE shipdesk_jobs gauge',
  );
  for (const j of jobs) lines.push(`shipdesk_jobs{queue="${escapeLabel(j.name)}",state="${j.state}"} ${j.n}`);

  const statuses = rowsOf<{ status: string; n: number }>(
    await db.execute(sql`select status, count(*)::int as n from orders group by status`),
  );
  lines.push('# HELP shipdesk_orders Orders by workflow status.', '# TYPE shipdesk_orders gauge');
  for (const s of statuses) lines.push(`shipdesk_orders{status="${s.status}"} ${s.n}`);

  const pushes = rowsOf<{ channel: string; status: string; n: number }>(
    await db.execute(sql`
      select c.name as channel, s.channel_push_status as status, count(*)::int as n
      from shipments s join orders o on o.id = s.order_id join channels c on c.id = o.channel_id
      where s.channel_push_status in ('pending', 'failed')
      group by c.name, s.channel_push_status`),
  );
  lines.push(
    '# HELP shipdesk_channel_pushes Tracking pushes not yet confirmed, by channel.',
    '# TYPE shipdesk_channel_pushes gauge',
  );
  for (const p of pushes)
    lines.push(`shipdesk_channel_pushes{channel="${escapeLabel(p.channel)}",status="${p.status}"} ${p.n}`);

  const latency = rowsOf<{ channel: string; p50: number | null; p95: number | null; n: number }>(
    await db.execute(sql`
      select c.name as channel,
        percentile_cont(0.5) within group (order by extract(epoch from s.channel_confirmed_at - s.shipped_at)) as p50,
        percentile_cont(0.95) within group (order by extract(epoch from s.channel_confirmed_at - s.shipped_at)) as p95,
        count(*)::int as n
      from shipments s join orders o on o.id = s.order_id join channels c on c.id = o.channel_id
      where s.channel_confirmed_at > now() - interval '1 hour'
      group by c.name`),
  );
  lines.push(
    '# HELP shipdesk_channel_push_latency_seconds Ship to confirmed-at-channel, last hour.',
    '# TYPE shipdesk_channel_push_latency_seconds summary',
  );
  for (const l of latency) {
    const ch = escapeLabel(l.channel);
    lines.push(`shipdesk_channel_push_latency_seconds{channel="${ch}",quantile="0.5"} ${Number(l.p50 ?? 0)}`);
    lines.push(
      `shipdesk_channel_push_latency_seconds{channel="${ch}",quantile="0.95"} ${Number(l.p95 ?? 0)}`,
    );
    lines.push(`shipdesk_channel_push_latency_seconds_count{channel="${ch}"} ${l.n}`);
  }
  return `${lines.join('\n')}\n`;
}
