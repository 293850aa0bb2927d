import type { CartReport } from '@checkout-kit/node';
import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CurrentUser, type Principal } from '../auth/principal';
import type { CheckoutSessionDto } from './checkout.dto';
import { CheckoutService } from './checkout.service';

/** Checkout of the signed-in user's own cart. */
@Controller('checkout')
@UseGuards(JwtAuthGuard)
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  /** Always 200: an invalid cart is a normal answer (`isValid: false` + problems + fixes). */
  @Post('verify')
  @HttpCode(200)
  verify(@CurrentUser() user: Principal): Promise<CartReport> {
    return this.checkout.verify(user.id);
  }

  /** The shopper accepts every suggested fix; answers the report of the repaired cart. */
  @Post('apply-fixes')
  @HttpCode(200)
  applyFixes(@CurrentUser() user: Principal): Promise<CartReport> {
    return this.checkout.applyFixes(user.id);
  }

  /** One order per cart: a repeated or concurrent call answers the same order. */
  @Post()
  @HttpCode(201)
  create(@CurrentUser() user: Principal): Promise<CheckoutSessionDto> {
    return this.checkout.checkout(user);
  }
}
