import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import type { Cart } from '../store/shop.repository';
import { type AddCartItemDto, parseAddCartItem } from './cart.dto';
import { CartService } from './cart.service';

@Controller('cart')
export class CartController {
  constructor(private readonly carts: CartService) {}

  @Get(':userId')
  get(@Param('userId') userId: string): Promise<Cart> {
    return this.carts.get(userId);
  }

  @Post(':userId/items')
  @HttpCode(201)
  addItem(
    @Param('userId') userId: string,
    @Body(new ParseBodyPipe(parseAddCartItem)) item: AddCartItemDto,
  ): Promise<Cart> {
    return this.carts.addItem(userId, item);
  }
}
