import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CurrentUser, type Principal } from '../auth/principal';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import type { CustomerOrderView } from '../orders/order-view';
import { type PaymentCallbackDto, parsePaymentCallback } from './payments.dto';
import { PaymentsService } from './payments.service';

@Controller('payments')
@UseGuards(JwtAuthGuard)
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** The Razorpay Checkout handler's triple, for the signed-in user's own order. */
  @Post('verify')
  @HttpCode(200)
  verify(
    @CurrentUser() user: Principal,
    @Body(new ParseBodyPipe(parsePaymentCallback)) callback: PaymentCallbackDto,
  ): Promise<CustomerOrderView> {
    return this.payments.verifyCallback(user, callback);
  }
}
