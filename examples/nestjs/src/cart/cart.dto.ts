import { type BodyParser, requireInteger, requireString } from '../common/parse-body.pipe';

/** `POST /cart/:userId/items` body. The price is not taken from the client: see CartService. */
export interface AddCartItemDto {
  productId: string;
  quantity: number;
}

export const parseAddCartItem: BodyParser<AddCartItemDto> = (body) => ({
  productId: requireString(body, 'productId', 64),
  quantity: requireInteger(body, 'quantity'),
});
