// OpenAPI document and UI at /docs, generated from the route schemas.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: '12345 热线平台 API',
          version: '0.1.0',
          description: 'Ganzi 12345 hotline server API',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'hotline_sid' },
            csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          },
        },
      },
    });
  },
  { name: 'hotline-openapi' },
);

/** Registered after every feature so the document includes them. Its routes are public. */
export async function docsUi(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), permission: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
