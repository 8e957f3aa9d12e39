import { mailLanguage, type MailLanguage } from './invitation-mail.js';
import { renderMail } from './layout.js';
import type { MailMessage } from '../../kernel/mailer.js';

/**
 * Mails about a user's account: the invitation to set a first password, and a password reset.
 * Both carry a single-use link that expires (identity/users/password-links.ts).
 */

interface Texts {
  inviteSubject: (org: string) => string;
  inviteIntro: (org: string, by: string) => string;
  inviteButton: string;
  resetSubject: string;
  resetIntro: string;
  resetButton: string;
  expires: (hours: number) => string;
  notYou: string;
  greeting: (name: string) => string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    inviteSubject: (org) => `You are invited to Tandem at ${org}`,
    inviteIntro: (org, by) => `${by} invited you to ${org}'s Tandem. Choose your password to start:`,
    inviteButton: 'Set your password',
    resetSubject: 'Reset your Tandem password',
    resetIntro: 'Someone asked to reset the password of your Tandem account. Choose a new one here:',
    resetButton: 'Choose a new password',
    expires: (h) => `The link works once and expires in ${h} hours.`,
    notYou: 'If you did not expect this mail, ignore it: nothing changes.',
    greeting: (name) => `Hello ${name},`,
  },
  pl: {
    inviteSubject: (org) => `Zaproszenie do Tandem w ${org}`,
    inviteIntro: (org, by) => `${by} zaprasza Cię do Tandem organizacji ${org}. Ustaw hasło, aby zacząć:`,
    inviteButton: 'Ustaw hasło',
    resetSubject: 'Zmiana hasła do Tandem',
    resetIntro: 'Otrzymaliśmy prośbę o zmianę hasła do Twojego konta Tandem. Ustaw nowe hasło tutaj:',
    resetButton: 'Ustaw nowe hasło',
    expires: (h) => `Link działa jeden raz i wygasa za ${h} godz.`,
    notYou: 'Jeśli nie spodziewasz się tej wiadomości, zignoruj ją: nic się nie zmieni.',
    greeting: (name) => `Dzień dobry ${name},`,
  },
  da: {
    inviteSubject: (org) => `Du er inviteret til Tandem hos ${org}`,
    inviteIntro: (org, by) => `${by} har inviteret dig til ${org}s Tandem. Vælg din adgangskode for at komme i gang:`,
    inviteButton: 'Vælg adgangskode',
    resetSubject: 'Nulstil din adgangskode til Tandem',
    resetIntro: 'Nogen har bedt om at nulstille adgangskoden til din Tandem-konto. Vælg en ny her:',
    resetButton: 'Vælg ny adgangskode',
    expires: (h) => `Linket virker én gang og udløber om ${h} timer.`,
    notYou: 'Hvis du ikke ventede denne mail, så ignorer den: intet ændres.',
    greeting: (name) => `Hej ${name},`,
  },
  ru: {
    inviteSubject: (org) => `Приглашение в Tandem организации ${org}`,
    inviteIntro: (org, by) => `${by} приглашает вас в Tandem организации ${org}. Задайте пароль, чтобы начать:`,
    inviteButton: 'Задать пароль',
    resetSubject: 'Сброс пароля Tandem',
    resetIntro: 'Поступил запрос на сброс пароля вашей учётной записи Tandem. Задайте новый пароль здесь:',
    resetButton: 'Задать новый пароль',
    expires: (h) => `Ссылка действует один раз и истекает через ${h} ч.`,
    notYou: 'Если вы не ждали этого письма, просто проигнорируйте его: ничего не изменится.',
    greeting: (name) => `Здравствуйте, ${name}!`,
  },
  sl: {
    inviteSubject: (org) => `Vabilo v Tandem pri ${org}`,
    inviteIntro: (org, by) => `${by} vas vabi v Tandem organizacije ${org}. Za začetek si izberite geslo:`,
    inviteButton: 'Nastavite geslo',
    resetSubject: 'Ponastavitev gesla za Tandem',
    resetIntro: 'Prejeli smo prošnjo za ponastavitev gesla vašega računa Tandem. Novo geslo si izberite tukaj:',
    resetButton: 'Izberite novo geslo',
    expires: (h) => `Povezava deluje enkrat in poteče čez ${h} ur.`,
    notYou: 'Če tega sporočila niste pričakovali, ga prezrite: nič se ne spremeni.',
    greeting: (name) => `Pozdravljeni, ${name},`,
  },
};

export interface AccountMailInput {
  to: string;
  name: string;
  language: string;
  organizationName: string;
  /** Who invited (invitations only). */
  invitedBy?: string;
  url: string;
  expiresInHours: number;
}

export function accountMail(kind: 'INVITE' | 'RESET', input: AccountMailInput): MailMessage {
  const lang = mailLanguage(input.language);
  const t = TEXTS[lang];
  const subject = kind === 'INVITE' ? t.inviteSubject(input.organizationName) : t.resetSubject;
  const intro = kind === 'INVITE' ? t.inviteIntro(input.organizationName, input.invitedBy ?? input.organizationName) : t.resetIntro;
  const button = kind === 'INVITE' ? t.inviteButton : t.resetButton;
  const { text, html } = renderMail(lang, subject, [
    { paragraph: t.greeting(input.name) },
    { paragraph: intro },
    { button: { label: button, url: input.url } },
    { note: [t.expires(input.expiresInHours), t.notYou] },
  ]);
  return { to: input.to, subject, text, html, headers: { 'Content-Language': lang } };
}
