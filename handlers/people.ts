// Who is writing: every event names a channel account; it belongs to one Person, created on
// first contact with the language the channel reports, and kept up to date afterwards.
import type { Sender } from "../core/channel/port";
import type { Db } from "../core/db/client";
import { toLocale, type Locale } from "../core/i18n";
import type { Nominator } from "../core/workflow/types";

/** Finds or creates the Person behind a channel account; refreshes name and last seen. */
export async function identify(db: Db, sender: Sender, defaultLocale: Locale, now = new Date()): Promise<Nominator> {
  const where = { channel_externalId: { channel: sender.channel, externalId: sender.externalId } };
  const existing = await db.channelIdentity.findUnique({ where, include: { person: true } });
  if (existing) {
    const person =
      existing.person.displayName === sender.displayName
        ? existing.person
        : await db.person.update({ where: { id: existing.personId }, data: { displayName: sender.displayName } });
    await db.channelIdentity.update({ where: { id: existing.id }, data: { lastSeenAt: now, username: sender.username ?? null } });
    return { id: person.id, displayName: person.displayName, locale: toLocale(person.language, defaultLocale) };
  }
  const language = toLocale(sender.languageCode, defaultLocale);
  const person = await db.person.create({
    data: {
      displayName: sender.displayName,
      language,
      identities: { create: { channel: sender.channel, externalId: sender.externalId, username: sender.username ?? null, lastSeenAt: now } },
    },
  });
  return { id: person.id, displayName: person.displayName, locale: language };
}

/** Stores a person's choice of language. */
export async function setLanguage(db: Db, personId: number, locale: Locale): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { language: locale } });
}
