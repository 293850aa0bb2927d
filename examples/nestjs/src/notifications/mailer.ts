import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';

/** One email to a customer. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per effect, so a mail server or a mailbox can spot a repeat. */
  messageId: string;
}

/**
 * Customer emails through nodemailer: SMTP when `SMTP_URL` is set (a local `smtp-server` in the
 * tests), otherwise nodemailer's JSON transport, which only logs. nodemailer rather than a
 * hand-written SMTP client: MIME encoding, dot-stuffing and STARTTLS are its job.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly log = new Logger(Mailer.name);
  private readonly transport: Transporter;

  constructor(@Inject(SHOP_OPTIONS) private readonly options: ShopOptions) {
    this.transport = options.smtpUrl
      ? nodemailer.createTransport(options.smtpUrl)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: this.options.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
    if (!this.options.smtpUrl) this.log.log(`mail to ${mail.to}: ${mail.subject}`);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
