import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CurrentUser, type Principal } from '../auth/principal';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import { type AddCartItemDto, parseAddCartItem } from './cart.dto';
import { type CartView, CartService } from './cart.service';

/** The signed-in user's own cart: there is no route to anyone else's. */
@Controller('cart')
@UseGuards(JwtAuthGuard)
export class CartController {
  constructor(private readonly carts: CartService) {}

  @Get()
  get(@CurrentUser() user: Principal): Promise<CartView> {
    return this.carts.get(user.id);
  }

  @Post('items')
  @HttpCode(201)
  addItem(@CurrentUser() user: Principal, @Body(new ParseBodyPipe(parseAddCartItem)) item: AddCartItemDto): Promise<CartView> {
    return this.carts.addItem(user.id, item);
  }
}
