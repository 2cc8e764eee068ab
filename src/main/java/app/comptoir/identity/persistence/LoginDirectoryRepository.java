package app.comptoir.identity.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

import app.comptoir.identity.domain.LoginDirectoryEntry;

public interface LoginDirectoryRepository extends JpaRepository<LoginDirectoryEntry, String> {
}
