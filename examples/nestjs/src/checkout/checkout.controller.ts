import type { CartReport } from '@checkout-kit/node';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import { type CheckoutSessionDto, type CreateCheckoutDto, parseCreateCheckout } from './checkout.dto';
import { CheckoutService } from './checkout.service';

@Controller('checkout')
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  /** Always 200: an invalid cart is a normal answer (`isValid: false` + problems + fixes). */
  @Post(':userId/verify')
  @HttpCode(200)
  verify(@Param('userId') userId: string): Promise<CartReport> {
    return this.checkout.verify(userId);
  }

  /** The shopper accepts every suggested fix; answers the report of the repaired cart. */
  @Post(':userId/apply-fixes')
  @HttpCode(200)
  applyFixes(@Param('userId') userId: string): Promise<CartReport> {
    return this.checkout.applyFixes(userId);
  }

  @Post()
  @HttpCode(201)
  create(@Body(new ParseBodyPipe(parseCreateCheckout)) body: CreateCheckoutDto): Promise<CheckoutSessionDto> {
    return this.checkout.checkout(body.userId);
  }
}
