package net.taonet.events.registry;

/** What a subnet says about itself. */
public record SubnetIdentity(String name, String description, String url, String contact) {
}
