import { Controller, Headers, HttpCode, InternalServerErrorException, Post, type RawBodyRequest, Req } from '@nestjs/common';
import type { Request } from 'express';
import { type WebhookAck, WebhooksService } from './webhooks.service';

@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /**
   * Razorpay signs the bytes it sent. `req.rawBody` is those bytes, kept by Nest when the app is
   * created with `{ rawBody: true }`; the parsed `req.body` must never be re-serialised and
   * verified instead (key order, spacing and unicode escapes would differ).
   */
  @Post('razorpay')
  @HttpCode(200)
  receive(
    @Req() req: RawBodyRequest<Request>,
    @Headers('x-razorpay-signature') signature: string | undefined,
    @Headers('x-razorpay-event-id') eventId: string | undefined,
  ): Promise<WebhookAck> {
    if (!req.rawBody) {
      throw new InternalServerErrorException({
        statusCode: 500,
        code: 'RAW_BODY_MISSING',
        message: 'create the app with NestFactory.create(AppModule, { rawBody: true })',
      });
    }
    return this.webhooks.handle(req.rawBody, signature, eventId);
  }
}
