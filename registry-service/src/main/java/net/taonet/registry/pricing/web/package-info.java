/** REST of prices now: {@code /api/v1/prices/**}, so a client can decide before it pays. Read-only. */
package net.taonet.registry.pricing.web;
