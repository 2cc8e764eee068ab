package app.comptoir.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpRelayTest {

    @Test
    void aPermanentRefusalOfTheRecipientIsABounceWithTheServersReply() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress("nobody@example.com"),
                "RCPT TO", 550, "5.1.1 User unknown");
        SendFailedException failed = new SendFailedException("Invalid Addresses", refused);
        MailSendException thrown = new MailSendException(Map.of(new Object(), failed));

        SmtpRelay.Outcome outcome = SmtpRelay.classify(thrown);

        assertThat(outcome).isInstanceOf(SmtpRelay.Outcome.Bounced.class);
        assertThat(((SmtpRelay.Outcome.Bounced) outcome).reason()).startsWith("550").contains("User unknown");
    }

    @Test
    void aTemporaryRefusalIsAFailureWorthRetrying() throws Exception {
        SMTPAddressFailedException later = new SMTPAddressFailedException(new InternetAddress("busy@example.com"),
                "RCPT TO", 450, "4.2.1 Mailbox busy");
        SmtpRelay.Outcome outcome = SmtpRelay.classify(new MailSendException("send failed",
                new SendFailedException("Invalid Addresses", later)));

        assertThat(outcome).isInstanceOf(SmtpRelay.Outcome.Failed.class);
    }

    @Test
    void anUnreachableServerIsAFailureNamingTheCause() {
        SmtpRelay.Outcome outcome = SmtpRelay.classify(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))));

        assertThat(outcome).isInstanceOf(SmtpRelay.Outcome.Failed.class);
        assertThat(((SmtpRelay.Outcome.Failed) outcome).reason()).contains("Connection refused");
    }
}
