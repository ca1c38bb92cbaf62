// Puts a person's open draft at a chosen step with earlier answers filled in, so a scenario
// can start in the middle of the conversation (the full walk is tested on its own).
import type { Db } from "../../core/db/client";
import type { Channel } from "../../core/db/generated/sqlite/enums";
import { nomineeNameKey } from "../../core/text/fold";
import type { StepId } from "../../core/workflow/types";

/** The person behind a Telegram user id (created by the bot on first contact). */
export async function personOf(db: Db, telegramId: number) {
  const identity = await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "TELEGRAM", externalId: String(telegramId) } } });
  return identity.personId;
}

/** Fills every answer before `step` in the person's open draft and moves it to `step`. */
export function fillDraftUpTo(db: Db, telegramId: number, step: StepId, name = "Lò Thị Mai"): Promise<number> {
  return fillDraftOf(db, { channel: "TELEGRAM", externalId: String(telegramId) }, step, name);
}

/** The same for the person behind an account on any channel. */
export async function fillDraftOf(db: Db, account: { channel: Channel; externalId: string }, step: StepId, name = "Lò Thị Mai"): Promise<number> {
  const nominatorId = (await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: account } })).personId;
  // The bot saves the prompt's message id just after sending it; wait for that write first (up
  // to the suite's ten seconds: on a loaded machine it can come late, and then overwrite ours).
  let draft = await db.nomination.findFirst({ where: { nominatorId, status: "DRAFT" } });
  for (let i = 0; i < 500 && !(draft?.draftData as { promptMessageId?: string } | null)?.promptMessageId; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    draft = await db.nomination.findFirst({ where: { nominatorId, status: "DRAFT" } });
  }
  if (!draft) throw new Error(`No open draft for ${account.channel} account ${account.externalId}`);
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "PT-LT-SONVI" } });
  const field = await db.field.findUniqueOrThrow({ where: { number: 14 } });
  const criterion = await db.criterion.findUniqueOrThrow({ where: { number: 4 } });
  await db.nomination.update({
    where: { id: draft.id },
    data: {
      nomineeKind: "INDIVIDUAL",
      nomineeName: name,
      nomineeNameKey: nomineeNameKey(name),
      unitId: unit.id,
      fieldId: field.id,
      achievements: "Bà Mai nhiều năm liền vận động bà con giữ gìn vệ sinh môi trường, trồng cây xanh.",
      consent: "NOT_ASKED",
      draftStep: step,
      draftData: {},
      criteria: { create: { criterionId: criterion.id } },
    },
  });
  return draft.id;
}
