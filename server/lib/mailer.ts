import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Mail the memory mailer kept (tests and SMTP-less development). */
  readonly sent: Mail[];
  readonly enabled: boolean;
}

/** SMTP through nodemailer when SMTP_URL is set; otherwise nothing is sent (in-app notifications only). */
export function createMailer(config: Pick<Config, 'mail'>): Mailer {
  const sent: Mail[] = [];
  if (!config.mail) {
    return { sent, enabled: false, async send() {} };
  }
  const transport = nodemailer.createTransport(config.mail.smtpUrl);
  const from = config.mail.from;
  return {
    sent,
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** A mailer that keeps what it is given; tests read `sent`. */
export function memoryMailer(): Mailer {
  const sent: Mail[] = [];
  return {
    sent,
    enabled: true,
    async send(mail) {
      sent.push(mail);
    },
  };
}
