package app.comptoir.identity.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LoginDirectoryRepository extends JpaRepository<LoginDirectoryEntry, String> {
}
