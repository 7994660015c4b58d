package dev.marquee.delivery.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "marquee.delivery")
public interface DeliveryConfig {

    CatchUp catchUp();

    interface CatchUp {

        /** How long to wait before asking Kafka again for the end of the campaign topic when it did not answer. */
        @WithDefault("1s")
        Duration retry();
    }
}
