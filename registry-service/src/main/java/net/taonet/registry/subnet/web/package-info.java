/**
 * REST of subnets: {@code /api/v1/subnets}, {@code /api/v1/subnets/{netuid}} (+ {@code /hyperparameters},
 * {@code /registration-price}). Creation is signed by the owner's coldkey; a hyperparameter change is
 * signed by the owner's coldkey or carries the network's admin key ({@code X-Taonet-Admin-Key}).
 */
package net.taonet.registry.subnet.web;
