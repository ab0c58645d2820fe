import { AppError, BilingualError } from '../../platform/errors.ts';

/** The technician app's refusals. */
export const mobileErrors = {
  deviceUnknown: () =>
    new BilingualError(404, 'device_unknown', {
      nl: 'Dit apparaat is niet geregistreerd voor uw account',
      en: 'This device is not registered to your account',
    }),
  // 410: the app wipes its local store and asks to log in again.
  deviceRevoked: () =>
    new BilingualError(410, 'device_revoked', {
      nl: 'Dit apparaat is ingetrokken door de planning; de gegevens op het apparaat worden gewist',
      en: 'Operations revoked this device; the data on it is wiped',
    }),
  noTeam: () =>
    new BilingualError(403, 'no_team', { nl: 'U bent niet aan een team gekoppeld', en: 'You are not on a team' }),
  visitNotFound: () =>
    new BilingualError(404, 'visit_not_found', {
      nl: 'Bezoek niet gevonden of niet van uw team',
      en: 'Visit not found or not your team’s',
    }),
  wrongDevice: () =>
    new BilingualError(422, 'wrong_device', {
      nl: 'Deze opdracht komt van een ander apparaat dan de verzending',
      en: 'This command names another device than the batch',
    }),
  commandIdReused: () =>
    new BilingualError(409, 'command_id_reused', {
      nl: 'Dit opdrachtnummer is al gebruikt voor een andere opdracht',
      en: 'This command id was already used for another command',
    }),
  unknownCheckpoint: (field: string) =>
    new AppError(422, 'unknown_checkpoint', `Stap ${field} hoort niet bij de checklist van dit bezoek`, [
      { field: 'payload.field', message: 'onbekende stap' },
    ]),
  answerInvalid: (field: string, why: string) =>
    new AppError(422, 'answer_invalid', `Antwoord op ${field}: ${why}`, [{ field: 'payload.value', message: why }]),
  photoNotUploaded: () =>
    new BilingualError(409, 'photo_not_uploaded', {
      nl: 'De foto is nog niet geüpload; stuur hem eerst naar /api/mobile/photos',
      en: 'The photo has not been uploaded yet; send it to /api/mobile/photos first',
    }),
  noVan: () =>
    new BilingualError(409, 'no_van', {
      nl: 'Uw team heeft geen bus in de voorraad',
      en: 'Your team has no van in stock',
    }),
  checkpointsMissing: (missing: { nl: string; en: string }[]) =>
    new AppError(
      422,
      'checkpoints_missing',
      `Afronden kan pas als de verplichte controles zijn gedaan: ${missing.map((m) => m.nl).join('; ')}`,
      missing.map((m) => ({ field: 'checklist', message: m.nl })),
      { message: `Completion needs the mandatory checkpoints first: ${missing.map((m) => m.en).join('; ')}` },
    ),
  notAnImage: () =>
    new BilingualError(415, 'not_an_image', {
      nl: 'Dit bestand is geen JPEG-, PNG- of WebP-afbeelding',
      en: 'This file is not a JPEG, PNG or WebP image',
    }),
  photoHashMismatch: () =>
    new BilingualError(422, 'photo_hash_mismatch', {
      nl: 'De SHA-256 van de foto klopt niet met wat is ontvangen; stuur hem opnieuw',
      en: 'The photo’s SHA-256 does not match what arrived; send it again',
    }),
  caseResolved: () =>
    new BilingualError(409, 'case_resolved', {
      nl: 'Deze veldmelding is al afgehandeld',
      en: 'This field case has been resolved already',
    }),
};
