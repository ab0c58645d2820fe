import { AppError, type FieldError } from '../../platform/errors.ts';

/** The quote module's error codes; the HTTP layer turns each into problem+json. */
export const quoteErrors = {
  invalidLines: (errors: FieldError[]) =>
    new AppError(422, 'invalid_quote_lines', 'De offerteregels kloppen niet', errors),
  staleVersion: (current: number) =>
    new AppError(
      409,
      'quote_changed',
      `Iemand anders heeft deze offerte intussen gewijzigd (nu versie ${current}); laad opnieuw, je wijziging is niet opgeslagen`,
    ),
  notEditable: (status: string) =>
    new AppError(409, 'quote_not_editable', `Een offerte met status ${status} kan niet meer worden gewijzigd`),
  notSendable: (status: string) =>
    new AppError(409, 'quote_not_sendable', `Een offerte met status ${status} kan niet worden verstuurd`),
  notRenewable: () =>
    new AppError(409, 'quote_not_renewable', 'Alleen een verlopen of afgewezen offerte kan worden vernieuwd'),
  linkInvalid: () => new AppError(404, 'signing_link_invalid', 'Deze ondertekenlink bestaat niet of is ongeldig'),
  linkExpired: () => new AppError(410, 'signing_link_expired', 'Deze ondertekenlink is verlopen; vraag een nieuwe aan'),
  linkUsed: () => new AppError(409, 'signing_link_used', 'Deze ondertekenlink is al gebruikt'),
  linkSuperseded: () =>
    new AppError(
      409,
      'signing_link_superseded',
      'De offerte is gewijzigd; u ontvangt een nieuwe link voor de nieuwe versie',
    ),
  unknownVersion: () => new AppError(404, 'not_found', 'Versie niet gevonden'),
};
