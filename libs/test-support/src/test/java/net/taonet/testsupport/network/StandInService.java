package net.taonet.testsupport.network;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal web service with a database: it tells its configuration and keeps notes in its own table. */
@SpringBootApplication
@RestController
public class StandInService {

    private final Environment environment;
    private final JdbcTemplate jdbc;

    StandInService(Environment environment, JdbcTemplate jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS note (text VARCHAR(100))");
    }

    @GetMapping("/property")
    String property(@RequestParam String key) {
        return environment.getProperty(key, "");
    }

    @PostMapping("/notes")
    void addNote(@RequestParam String text) {
        jdbc.update("INSERT INTO note (text) VALUES (?)", text);
    }

    @GetMapping("/notes")
    String notes() {
        return String.join(",", jdbc.queryForList("SELECT text FROM note ORDER BY text", String.class));
    }

    public static void main(String[] args) {
        SpringApplication.run(StandInService.class, args);
    }
}
