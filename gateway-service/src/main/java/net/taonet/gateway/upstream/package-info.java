/** The gateway's clients to the services whose answers it composes. */
package net.taonet.gateway.upstream;
