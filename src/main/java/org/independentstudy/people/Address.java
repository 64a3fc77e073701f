package org.independentstudy.people;

public record Address(String street, String city, String postalCode) {

    public String singleLine() {
        return street + ", " + city + " " + postalCode;
    }
}
