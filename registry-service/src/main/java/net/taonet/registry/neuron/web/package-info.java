/**
 * REST of neurons and serving metadata: {@code /api/v1/subnets/{netuid}/neurons} (register: signed by the
 * paying coldkey; list), {@code /api/v1/neurons/{hotkey}} (a hotkey across subnets) and
 * {@code /api/v1/serving/**} (signed by the neuron's hotkey).
 */
package net.taonet.registry.neuron.web;
