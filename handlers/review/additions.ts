// The nominator's answer to a request for more information: texts and photos gathered until
// they press "send additions", then joined to the nomination, which goes back to review.
import { choicePayload } from "../../core/channel/choice-payloads";
import type { ChannelPort, IncomingEvent } from "../../core/channel/port";
import { answerInfo } from "../../core/review/actions";
import { checkDeclaredMedia, maxPhotoBytes, MediaRefusedError, storeImage } from "../../core/workflow/media";
import type { ReviewDeps } from "./deps";
import type { Actor } from "./decisions";
import { afterDecision } from "./decisions";
import { clearPrompt, setPrompt, type AnswerPrompt } from "./pending-prompts";

/** The payload of the "send additions" button. */
const answerSendPayload = choicePayload("answerInfo", "send");

/** Handles one event of a nominator gathering additions; false when it is not theirs to take. */
export async function onAddition(deps: ReviewDeps, prompt: AnswerPrompt, event: IncomingEvent, port: ChannelPort, actor: Actor): Promise<boolean> {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(actor.locale, id, args);
  const chatId = event.chat.externalId;
  const input = event.input;
  const received = () =>
    port.send(chatId, { text: t("review-answer-received"), choices: [[{ label: t("review-answer-send"), payload: answerSendPayload }]] });

  if (input.kind === "text") {
    await setPrompt(deps.db, actor.id, { ...prompt, data: { ...prompt.data, texts: [...prompt.data.texts, input.text] } });
    await received();
    return true;
  }
  if (input.kind === "photo") {
    try {
      checkDeclaredMedia(input);
      const file = await port.download(input.file);
      const stored = await storeImage(deps.mediaDir, file.bytes);
      await deps.db.attachment.create({
        data: {
          nominationId: prompt.data.nominationId,
          kind: "PHOTO",
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storagePath: stored.storagePath,
          mediaGroupId: input.mediaGroupId ?? null,
          forEventId: prompt.data.requestEventId,
          channelRefs: { create: { channel: event.from.channel, fileId: input.file.fileId, fileUniqueId: input.file.fileUniqueId ?? null } },
        },
      });
    } catch (err) {
      if (!(err instanceof MediaRefusedError)) throw err;
      await port.send(chatId, { text: t(`photo-refused-${err.reason}`, { max: maxPhotoBytes / 1024 / 1024 }) });
      return true;
    }
    const texts = input.caption ? [...prompt.data.texts, input.caption] : prompt.data.texts;
    const sameAlbum = input.mediaGroupId !== undefined && input.mediaGroupId === prompt.data.lastMediaGroupId;
    await setPrompt(deps.db, actor.id, {
      ...prompt,
      data: { ...prompt.data, texts, photos: prompt.data.photos + 1, ...(input.mediaGroupId ? { lastMediaGroupId: input.mediaGroupId } : {}) },
    });
    // An album arrives as several events: acknowledge it once.
    if (!sameAlbum) await received();
    return true;
  }
  if (input.kind === "choice" && input.payload === answerSendPayload) {
    await port.answerChoice(input.answerId);
    const { texts, photos, nominationId } = prompt.data;
    if (texts.length === 0 && photos === 0) {
      await port.send(chatId, { text: t("review-answer-empty") });
      return true;
    }
    const summary = [texts.join("\n"), photos > 0 ? `[${t("review-answer-photos", { count: photos })}]` : ""].filter(Boolean).join(" ");
    const outcome = await answerInfo(deps.db, nominationId, actor.id, summary);
    await clearPrompt(deps.db, actor.id);
    const code = (await deps.db.nomination.findUnique({ where: { id: nominationId }, select: { code: true } }))?.code ?? "";
    await port.send(chatId, { text: outcome.ok ? t("review-answer-done", { code }) : t("review-stale", { status: t(`status-${outcome.refused === "stale" ? outcome.status : "SUBMITTED"}`) }) });
    if (outcome.ok) await afterDecision(deps, nominationId, outcome);
    return true;
  }
  return false;
}
