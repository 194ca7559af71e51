import type { Config } from '../config.ts';
import type { OutgoingMessage } from '../models/message.ts';
import { buildMessage, mailDomain, renderOptions } from '../pipeline.ts';
import { renderEdition } from '../render/render-edition.ts';
import type { DraftState } from './draft-state.ts';

/**
 * The draft exactly as a subscriber would get it: its corrected edition rendered and built
 * on the send path (renderEdition, buildMessage) for a sample recipient, so what an editor
 * approves is what goes out.
 */
export async function buildDraftMessage(
  state: DraftState,
  config: Readonly<Config>,
  secret: string,
  recipient: { email: string; name: string | null },
): Promise<OutgoingMessage> {
  const rendered = await renderEdition(state.edition, renderOptions(config, secret));
  const messageId = `<${state.record.id}.draft@${mailDomain(config.mailFrom)}>`;
  return buildMessage(rendered, { ...recipient, messageId }, config, secret);
}
