-- One database per service that owns state (DESIGN §2). The postgres image runs this once, when its data
-- volume is first initialised; ./taonet up creates the same databases on the local server.
CREATE DATABASE taonet_gateway;
CREATE DATABASE taonet_registry;
CREATE DATABASE taonet_emission;
CREATE DATABASE taonet_consensus;
CREATE DATABASE taonet_scoring;
