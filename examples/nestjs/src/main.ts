import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { checkoutKitOptionsFromEnv } from './config';
import { serveShopPage } from './shop-page';
import { shopOptionsFromEnv } from './config/shop.options';

async function bootstrap(): Promise<void> {
  // rawBody: true keeps the exact bytes of each request on req.rawBody, which is what Razorpay
  // signed; without it webhook signatures cannot be checked correctly.
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(checkoutKitOptionsFromEnv(), shopOptionsFromEnv()),
    { rawBody: true },
  );
  app.enableShutdownHooks();
  serveShopPage(app);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  console.log(`shop API listening on ${await app.getUrl()}`);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
