import type { Database } from '../../../db/client.js';
import { channelPriceRules } from '../../../db/schema/index.js';
import type { QualityRules } from '../catalog/check-quality.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { queueFeed } from '../feeds/queue-feed.js';
import { type ChannelSettings, type FeedSettings, loadChannelSettings } from './channel-settings.js';
import type { PriceRule } from './price-rule.js';

/**
 * Saves a channel's price rule, quality rules and feed settings whole, with the audit row, and queues
 * a feed run for the channel in the same transaction: a changed price reaches the channel by itself.
 */
export async function saveChannelSettings(
  deps: { db: Database; jobs: Parameters<typeof queueFeed>[0]['jobs'] },
  channelId: string,
  input: { rule: PriceRule; quality: QualityRules; feed: FeedSettings },
  actor: Actor,
  now: Date,
): Promise<ChannelSettings> {
  await loadChannelSettings(deps.db, channelId);
  await deps.db.transaction(async (tx) => {
    const values = {
      rule: input.rule as unknown as Record<string, unknown>,
      quality: input.quality as unknown as Record<string, unknown>,
      feed: input.feed as unknown as Record<string, unknown>,
      updatedAt: now,
    };
    await tx
      .insert(channelPriceRules)
      .values({ channelId, ...values })
      .onConflictDoUpdate({ target: channelPriceRules.channelId, set: values });
    await recordEvent(
      tx,
      actor,
      { type: 'pricing.rules_saved', entityType: 'channel', entityId: channelId, payload: { ...input } },
      now,
    );
    await queueFeed({ jobs: deps.jobs }, channelId, 'change', { tx });
  });
  const [saved] = await loadChannelSettings(deps.db, channelId);
  return saved!;
}
