import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import type { OrderView } from '../orders/orders.service';
import { type PaymentCallbackDto, parsePaymentCallback } from './payments.dto';
import { PaymentsService } from './payments.service';

@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('verify')
  @HttpCode(200)
  verify(@Body(new ParseBodyPipe(parsePaymentCallback)) callback: PaymentCallbackDto): Promise<OrderView> {
    return this.payments.verifyCallback(callback);
  }
}
