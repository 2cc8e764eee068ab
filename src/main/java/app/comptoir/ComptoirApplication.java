package app.comptoir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import app.comptoir.platform.OperatorCommands;

/** Comptoir: a multi-tenant back office and storefront for small merchants. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Comptoir", sharedModules = "platform")
public class ComptoirApplication {

    public static void main(String[] args) {
        if (OperatorCommands.isCommand(args)) {
            System.exit(OperatorCommands.run(args));
        }
        SpringApplication.run(ComptoirApplication.class, args);
    }
}
