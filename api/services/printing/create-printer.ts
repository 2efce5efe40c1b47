import type { Executor } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { type PrinterKind, printers } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';

export async function createPrinter(
  db: Executor,
  actor: Actor,
  input: { name: string; kind: PrinterKind; host?: string | null; port?: number; dpi?: 203 | 300 },
  now: Date,
) {
  if (input.kind === 'zpl_network' && !input.host)
    throw new AppError('printer_host_missing', 422, 'A network printer needs its address (host name or IP).');
  const [created] = await db
    .insert(printers)
    .values({
      id: newId('prn'),
      name: input.name,
      kind: input.kind,
      host: input.kind === 'zpl_network' ? (input.host ?? null) : null,
      port: input.port ?? 9100,
      dpi: input.dpi ?? 203,
      createdAt: now,
    })
    .returning();
  await recordEvent(
    db,
    actor,
    { type: 'printer.created', entityType: 'printer', entityId: created!.id, payload: { kind: input.kind } },
    now,
  );
  return created!;
}
